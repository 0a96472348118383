# scenario: {"seconds": 3}
# expect: {"stdout": ["stopped"], "times": [["music", "tone", 0, 300]], "outcome": "done"}
import music
from microbit import *

music.play(music.NYAN, wait=False)
sleep(300)
music.stop()
print('stopped')
