# scenario: {"seconds": 3}
# expect: {"stdout": ["Image('97531:')"]}
from microbit import *

im = Image(5, 1, bytearray([9, 7, 5, 3, 1]))
print(repr(im))
