# scenario: {"seconds": 1, "microbit": {"sound": 120}}
# expect: {"stdout": ["120"]}
from microbit import *

print(microphone.sound_level())
