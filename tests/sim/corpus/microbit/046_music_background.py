# scenario: {"seconds": 3}
# expect: {"times": [["display", "image", "00000:09090:00000:90009:09990", 0], ["music", "tone", 988, 0], ["music", "tone", 1319, 125]]}
import music
from microbit import *

music.play(music.BA_DING, wait=False)
display.show(Image.HAPPY)
