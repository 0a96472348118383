# scenario: {"seconds": 3}
# expect: {"stdout": ["3 2", "Image('909:999:')"]}
from microbit import *

part = Image.HEART.crop(1, 0, 3, 2)
print(part.width(), part.height())
print(repr(part))
