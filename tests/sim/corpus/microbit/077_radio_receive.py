# scenario: {"seconds": 2, "microbit": {"radio": [[300, "go"]]}}
# expect: {"stdout": ["go"], "events": [["radio", "receive", "go"]]}
import radio
from microbit import *

radio.on()
while True:
    msg = radio.receive()
    if msg:
        print(msg)
        break
    sleep(20)
