### Name: My add
### Title: Adds two numbers
### Aliases: 'My add' my_add

### ** Examples

my_add(1,2)
my_add(2,3)



