# scenario: {"seconds": 1, "microbit": {"radio": [[100, "wrong", 0], [200, "right", 5]]}}
# expect: {"stdout": ["right None"]}
import radio
from microbit import *

radio.config(group=5)
radio.on()
sleep(500)
print(radio.receive(), radio.receive())
