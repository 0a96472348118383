# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["music", "tone", 440], ["music", "tone", 0]]}
import music
from microbit import *

music.pitch(440, 200)
print(running_time() >= 200)
