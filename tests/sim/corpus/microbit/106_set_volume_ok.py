# scenario: {"seconds": 3}
# expect: {"stdout": ["False"]}
from microbit import *

set_volume(100)
speaker.off()
print(speaker.is_on())
