## Campaign messages: personalization
# Used for {first_name} when we don't know the customer's name.
personalization-fallback-name = friend

## The page behind a tracked link that is not valid
link-invalid = This link is not valid or has expired.
