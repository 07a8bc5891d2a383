# renv::install("./renv/local/testpkg_0.1.0.tar.gz")
library(testpkg)

hello()
