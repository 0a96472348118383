# @micropython.native and @micropython.viper functions run (as bytecode in the simulator).
# seconds: 0.5
# stdout: 42
# stdout: 10
import micropython

@micropython.native
def double(x):
    return x * 2

@micropython.viper
def add(a: int, b: int) -> int:
    return a + b

print(double(21))
print(add(3, 7))
