"""touzi.extract: turn clean article text into figures, places, projects and claims."""
