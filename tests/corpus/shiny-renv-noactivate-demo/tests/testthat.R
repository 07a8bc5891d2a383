library(testthat)

test_check("testthat")
