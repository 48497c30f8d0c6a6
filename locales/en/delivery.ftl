## Campaign messages: personalization
# Used for {first_name} when we don't know the customer's name.
personalization-fallback-name = friend
