# The plain Pico has no radio: network does not exist on it.
# seconds: 0.5
# error: ImportError
# explains: non esiste su questa scheda
import network
