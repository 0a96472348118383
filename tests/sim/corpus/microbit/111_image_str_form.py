# scenario: {"seconds": 3}
# expect: {"stdout": ["Image(", "    '90009:'", "    '09090:'", ")"]}
from microbit import *

print(Image('90009:09090'))
