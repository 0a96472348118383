# scenario: {"seconds": 1.5}
# expect: {"stdout": ["still playing"], "outcome": "time", "events": [["music", "tone", 262], ["music", "tone", 392], ["music", "tone", 262], ["music", "tone", 392], ["music", "tone", 262]]}
import music
from microbit import *

music.play(['c4:1', 'g4:1'], loop=True, wait=False)
sleep(1000)
print('still playing')
