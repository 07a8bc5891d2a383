library(testthat)
library(samplepkg)

test_check("samplepkg")
