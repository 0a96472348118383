# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["audio", "sound", "happy"]]}
from microbit import *

audio.play(Sound.HAPPY)
print(running_time() >= 500)
