# scenario: {"seconds": 3}
# expect: {"stdout": ["Image('09900:99900:09999:09990:00000:')", "Image('99000:09000:09000:09990:09090:')", "Image('90900:90900:99990:99090:99990:')"]}
from microbit import *

print(repr(Image.DUCK))
print(repr(Image.GIRAFFE))
print(repr(Image.RABBIT))
