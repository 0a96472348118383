# _thread exists on the Pico but not in the simulator: the error says so honestly.
# seconds: 0.5
# error: ImportError
# explains: disponibile sulla scheda vera, non nel simulatore
import _thread

def core1():
    pass

_thread.start_new_thread(core1, ())
