# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "90909:00000:00000:90009:99099"]]}
from microbit import *

display.show(Image.HEART.invert())
