# scenario: {"seconds": 2, "microbit": {"radio": [[100, "a"], [200, "b"], [300, "c"], [400, "d"], [500, "e"]]}}
# expect: {"stdout": ["['a', 'b', 'c', None]"]}
import radio
from microbit import *

radio.on()
sleep(1000)
print([radio.receive() for i in range(4)])
