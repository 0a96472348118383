# scenario: {"seconds": 3}
# expect: {"outcome": "exit"}
from microbit import *

panic(42)
