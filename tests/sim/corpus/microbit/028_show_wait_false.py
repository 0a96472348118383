# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "times": [["display", "text", "1", 0], ["display", "text", "2", 500]]}
from microbit import *

display.show('12', delay=500, wait=False)
print(running_time() < 100)
sleep(1200)
