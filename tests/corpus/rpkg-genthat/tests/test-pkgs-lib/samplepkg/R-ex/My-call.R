### Name: My call
### Title: Calls another function
### Aliases: 'My call' my_call

### ** Examples

my_call(my_add, 10, 11)
my_call(my_add, 11, 12)



