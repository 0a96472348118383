# asyncio exists on the board but not in the simulator: the error says so.
# seconds: 0.5
# error: ImportError
# explains: disponibile sulla scheda vera
import asyncio
