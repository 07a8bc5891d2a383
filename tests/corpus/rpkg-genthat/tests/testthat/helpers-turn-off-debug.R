options(genthat.debug=FALSE)
