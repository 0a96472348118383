# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["audio", "sound", "effect:400-2000Hz"]]}
from microbit import *

effect = audio.SoundEffect(freq_start=400, freq_end=2000, duration=300)
audio.play(effect)
print(running_time() >= 300)
