# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "05050:05050:05050:99999:09990"]]}
from microbit import *

boat = Image("05050\n05050\n05050\n99999\n09990")
display.show(boat)
