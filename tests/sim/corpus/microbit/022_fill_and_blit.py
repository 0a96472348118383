# scenario: {"seconds": 3}
# expect: {"events": [["display", "image", "00000:00000:00000:00099:00099"]]}
from microbit import *

im = Image(5, 5)
stamp = Image(2, 2)
stamp.fill(9)
im.blit(stamp, 0, 0, 2, 2, 3, 3)
display.show(im)
