# scenario: {"seconds": 3}
# expect: {"stdout": ["True", "False"], "events": [["audio", "sound", "giggle"]]}
import audio
from microbit import *

audio.play(Sound.GIGGLE, wait=False)
print(audio.is_playing())
sleep(2000)
print(audio.is_playing())
