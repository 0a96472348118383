# scenario: {"seconds": 3}
# expect: {"stdout": ["True True"]}
import random

random.seed(42)
a = [random.randint(1, 6) for i in range(5)]
random.seed(42)
b = [random.randint(1, 6) for i in range(5)]
print(a == b, all(1 <= v <= 6 for v in a))
