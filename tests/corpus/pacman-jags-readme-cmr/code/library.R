pacman::p_load(tidyverse,
               ggridges,
               ggpubr,
               foreach,
               usethis,
               PerformanceAnalytics,
               grid,
               ggh4x,
               gtable,
               googledrive,
               MCMCvis,
               scales,
               kableExtra,
               ggfortify,
               xtable,
               reporter,
               lubridate,
               sf,
               tigris)


# sessionInfo() to extract version etc