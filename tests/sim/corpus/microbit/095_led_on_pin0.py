# scenario: {"seconds": 3}
# expect: {"events": [["pin:pin0", "value", 1], ["pin:pin0", "value", 0], ["pin:pin0", "value", 1], ["pin:pin0", "value", 0]]}
from microbit import *

for i in range(3):
    pin0.write_digital(1)
    sleep(200)
    pin0.write_digital(0)
    sleep(200)
