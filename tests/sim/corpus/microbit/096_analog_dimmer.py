# scenario: {"seconds": 3}
# expect: {"events": [["pwm:pin1", "duty", 65535], ["pwm:pin1", "duty", 0]]}
from microbit import *

pin1.write_analog(1023)
sleep(100)
pin1.write_analog(0)
