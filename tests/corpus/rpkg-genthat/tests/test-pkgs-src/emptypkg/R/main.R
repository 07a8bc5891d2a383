#' @export
a_function <- function() {
    42
}

