# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["music", "tone", 262], ["music", "tone", 0]]}
import music
from microbit import *

music.play('c4:4')
print(running_time() >= 500)
