# scenario: {"seconds": 1, "microbit": {"radio": [[100, "hey"]]}}
# expect: {"stdout": ["b'\\x01\\x00\\x01hey' True"]}
import radio
from microbit import *

radio.on()
sleep(300)
details = radio.receive_full()
print(details[0], details[1] < 0)
