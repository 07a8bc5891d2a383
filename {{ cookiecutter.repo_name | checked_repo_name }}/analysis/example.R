# A first analysis with base R only: open it in RStudio and press Source.
# It uses the mtcars data that ships with R, so it runs anywhere.

data(mtcars)

cat("Cars in the data:", nrow(mtcars), "\n")
cat("Mean fuel economy:", round(mean(mtcars$mpg), 1), "miles per gallon\n\n")

# Does a heavier car use more fuel?
fit <- lm(mpg ~ wt, data = mtcars)
print(summary(fit)$coefficients)

cat("\nEach extra 1000 lb costs about", round(-coef(fit)[["wt"]], 1), "mpg.\n")

# Fuel economy by number of cylinders.
print(aggregate(mpg ~ cyl, data = mtcars, FUN = mean))

# The plot is drawn in an interactive session, such as RStudio's Plots pane;
# Rscript skips it.
if (interactive()) {
  plot(mpg ~ wt, data = mtcars, xlab = "Weight (1000 lb)", ylab = "Miles per gallon")
  abline(fit, col = "steelblue")
}
