# scenario: {"seconds": 2, "microbit": {"radio": [[100, "early"], [800, "late"]]}}
# expect: {"stdout": ["late"]}
import radio
from microbit import *

sleep(500)
radio.on()
sleep(500)
print(radio.receive())
