### Name: My public
### Title: A public function
### Aliases: 'My public' my_public

### ** Examples

1+1 # just some code which does not use any code from this package



