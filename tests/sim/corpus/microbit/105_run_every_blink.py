# scenario: {"seconds": 0.7}
# expect: {"stdout": ["tick 2", "tick 4", "tick 6"], "outcome": "time"}
from microbit import *

@run_every(ms=200)
def tick():
    print('tick', running_time() // 100)

sleep(650)
