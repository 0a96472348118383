# scenario: {"seconds": 3}
# expect: {"stdout": ["3 2"]}
from microbit import *

bar = Image('123:456')
print(bar.width(), bar.height())
