# scenario: {"seconds": 3}
# expect: {"stdout": ["Image('90909:00900:00900:00000:00000:')", "Image('00000:00900:09990:90909:00900:')"]}
from microbit import *

print(repr(Image.ARROW_N.shift_up(2)))
print(repr(Image.ARROW_N.shift_down(1)))
