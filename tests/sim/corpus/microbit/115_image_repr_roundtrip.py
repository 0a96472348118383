# scenario: {"seconds": 3}
# expect: {"stdout": ["True"]}
from microbit import *

im = Image('90909:09090:90909:09090:90909')
print(eval(repr(im)) == im)
