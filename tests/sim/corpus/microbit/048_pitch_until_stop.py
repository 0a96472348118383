# scenario: {"seconds": 3}
# expect: {"times": [["music", "tone", 880, 0], ["music", "tone", 0, 300]]}
import music
from microbit import *

music.pitch(880)
sleep(300)
music.stop()
