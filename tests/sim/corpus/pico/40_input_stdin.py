# input() reads what is typed at the console; with no more lines the board waits at the prompt.
# seconds: 2
# scenario: {"stdin": ["Ada", "12"]}
# stdout: Come ti chiami? Ada
# stdout: Ciao Ada
# stdout: Quanti anni hai? 12
# stdout: Tra un anno 13
# outcome: time
name = input("Come ti chiami? ")
print("Ciao", name)
age = int(input("Quanti anni hai? "))
print("Tra un anno", age + 1)
while True:
    cmd = input("> ")
    print("comando", cmd)
