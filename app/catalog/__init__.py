"""The catalog: browsing tracks, modules and labs, and recording content versions."""
