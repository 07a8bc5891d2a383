{#- install.R's part for an renv project (renv.lock): restore what it records, into the library RStudio will use. Included by install.R, in its context. #}
{%- if renv %}
{%- set lock = project.renv_lock %}
{#- The renv project's folder: the root, or the subfolder the root .Rprofile loads. #}
{%- set sub = lock[:-("/renv.lock" | length)] if lock != "renv.lock" else "" %}
{%- if sub %}

# {{ lock }}: restore exactly the versions it records (renv::restore(), never
# only activate), into the project library of {{ sub }}/, where the
# renv::load() in your .Rprofile looks when R starts in the home folder.
# RENV_CONFIG_REPOS_OVERRIDE points renv at the image's own package
# repository, which serves binary packages where it has them. Your .Rprofile
# is not read here: the image's renv restores, and goes into that library too.
{%- elif project.renv_activate %}

# renv.lock: restore exactly the versions it records (renv::restore(), never
# only activate), into the project library, where renv/activate.R looks when
# RStudio starts. RENV_CONFIG_REPOS_OVERRIDE points renv at the image's own
# package repository, which serves binary packages where it has them. Your
# .Rprofile is not read here, so the lockfile's renv version is not fetched
# first: the image's renv restores, and goes into the project library too.
{%- else %}

# renv.lock: restore exactly the versions it records (renv::restore()).
# There is no renv/activate.R to find renv's project library when R starts,
# so they go into the library R itself uses first (.libPaths()[1]), where
# RStudio, Shiny and Rscript find them. RENV_CONFIG_REPOS_OVERRIDE points
# renv at the image's own package repository, which serves binary packages
# where it has them.
{%- endif %}
if (!is_installed("renv")) install.packages("renv")
Sys.setenv(RENV_CONFIG_REPOS_OVERRIDE = unname(getOption("repos")[1]))
{%- if sub %}
renv_project <- file.path(getwd(), {{ sub | r_string }})
{%- else %}
renv_project <- getwd()
{%- endif %}
{%- if project.renv_activate %}
project_library <- renv::paths$library(project = renv_project)
dir.create(project_library, recursive = TRUE, showWarnings = FALSE)
{%- else %}
project_library <- .libPaths()[1]
{%- endif %}
restore <- list(project = renv_project, library = project_library, lockfile = {{ lock | r_string }},
                prompt = FALSE)
# renv >= 0.14 can leave renv itself out; older ones restore it too.
if ("exclude" %in% names(formals(renv::restore))) restore$exclude <- "renv"
do.call(renv::restore, restore)
install_missing("jsonlite", install.packages)
locked <- setdiff(names(jsonlite::fromJSON({{ lock | r_string }})$Packages), "renv")
{%- if project.renv_activate %}
.libPaths(c(project_library, .libPaths()))
{%- endif %}
restored <- vapply(locked, requireNamespace, logical(1), quietly = TRUE)
if (!all(restored)) {
  stop({{ ("These R packages from " ~ lock ~ " did not restore: ") | r_string }},
       paste(locked[!restored], collapse = ", "), call. = FALSE)
}
{%- if project.renv_activate %}
if (!dir.exists(file.path(project_library, "renv"))) {
  file.copy(system.file(package = "renv"), project_library, recursive = TRUE)
}
# Since R 4.4, renv 1.x puts the library under an OS folder that older
# activate.R files do not know: they look in renv/library/R-x.y/<platform>.
older <- file.path(renv_project, "renv", "library",
                   paste0("R-", getRversion()$major, ".", getRversion()$minor), R.version$platform)
if (normalizePath(older, mustWork = FALSE) != normalizePath(project_library)) {
  dir.create(dirname(older), recursive = TRUE, showWarnings = FALSE)
  file.symlink(normalizePath(project_library), older)
}
{%- else %}
# A renv::load() in your code (an R Markdown file's renv::load(".."), say)
# switches to renv's project library: it leads to the same packages.
renv_library <- renv::paths$library(project = renv_project)
if (!file.exists(renv_library)) {
  dir.create(dirname(renv_library), recursive = TRUE, showWarnings = FALSE)
  file.symlink(normalizePath(project_library), renv_library)
}
{%- endif %}
{%- endif -%}
