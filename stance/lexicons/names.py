"""Words of people's names: given names whose bearer's gender news text almost always makes clear,
for pronoun agreement, and the lowercase particles that names may contain.

Only names that are strongly one-gendered across the English-language press (international
politics included) are listed; ambiguous ones (Jordan, Robin, Sasha, Andrea, Jean, Nicola, Kim,
…) are left out on purpose: an unknown gender only means a pronoun may refer to the person, a
wrong one would forbid it. Lowercase, without accents (the resolver folds names before lookup).
"""
from __future__ import annotations

_FEMALE = """
abigail ada adriana agnes aileen alexandra alexandria alice alicia alina alison allison amanda amber amelia amy
ana anastasia andrea_ angela angelina angelique anita ann anna annalena anne annette annie antonia april
barbara beata beatrice beatriz becky belinda betsy betty beverly bianca brenda bridget brigitte brittany
camila candace carla carly carmel carmen carol carole caroline carolyn cassandra catherine cathy cecilia celia
charlotte chelsea cheryl chiara christa christina christine christy cindy claire clara claudia colleen connie
constance corinne cristina crystal cynthia dagmar daisy dana_ daniela danielle daria debbie deborah debra deirdre
delia denise diana diane dina dolores donna doris dorothy edith elaine eleanor elena elisabeth elise eliza
elizabeth ella ellen elisa elsa emily emma erica erika erin esther eva eve evelyn fatima fiona florence frances
francesca gabriela gabrielle gail georgia geraldine gina giorgia gloria grace greta gretchen hannah harriet
hazel heather heidi helen helena helga hillary hilary holly ilhan ingrid irene iris irina isabel isabella
ivanka jacinda jackie jacqueline jane janet janice jasmine jeanne jeannette jennifer jenny jessica jill joan
joanna jocelyn johanna josephine joy joyce judith judy julia julie juliet julieta justine kamala karen karin
kate katharina katherine kathleen kathryn kathy katie katrin katya kaja kayleigh kelly kerry_ kersti kimberly
kirsten kristen kristin kristina kristine kristi kyrsten laura lauren leah leila lena leslie_ lidia lilian
liliana lily linda lindsay lisa liz liza lois loretta lorraine louise lucia lucy luisa lydia lynn
madeleine magda magdalena maia_ mairead marcia margaret margarethe margarita margot maria mariana marianne marie
marina marine marion marisa marjorie marta martha mary maryam matilda maureen maxine megan melania melanie
melinda melissa mette meghan mia michaela michele michelle mikaela mila mildred miranda miriam molly monica
monika nadia nadine nancy naomi natalia natalie natalya natasha nicole nikki nina nora norma olena olga olivia
paola pamela patricia paula pauline peggy penelope penny petra phyllis priscilla priti rachel raquel rebecca
regina renata renee rhonda rita roberta rosa rosalind rosalyn rose rosemary roxanne ruth sabine sally samantha
sandra sanna sara sarah sharon sheila shirley silvia simone sofia sonia sophia sophie stacey stephanie susan
susanne suzanne svetlana sylvia tamara tanya tatiana tatyana teresa theresa tiffany tina tracy tulsi ulrike
ursula valentina valerie vanessa vera veronica veronika victoria viktoria violet virginia vivian wanda wendy
whitney yolanda yulia yvette yvonne zoe zuzana
"""

_MALE = """
aaron abdul abdullah abraham adam adrian ahmad ahmed alan albert alberto aleksandr aleksandar alex alexander
alexei alexey alfred ali alistair allen alvaro amir anders andre andrei andrej andrew andrey andrzej andy
angus anthony anton antonio antony anwar archibald arnold arthur arvydas barack barry ben benedict benjamin
benny bernard bernie bill billy bob bobby boris boyko brad bradley brandon brendan brett brian bruce bruno bryan
byron carl carlos cecil charles charlie chris christian christoph christopher chuck clarence claude clifford
clint colin conor craig cyril dale dan daniel danny darren dave david dean denis dennis derek desmond dick
diego dimitri dmitri dmitry don donald doug douglas duncan dwight earl ed eddie edgar edgars edmund eduardo
edward edwin egor elijah elliot elon emil emmanuel emmerson enrique eric erik ernest ernesto eugene evan
fabian felipe felix fernando fidel frank franklin franz fred frederick fumio gabriel gareth gary gavin geert
gennady geoffrey george gerald gerard gerhard giorgi giuseppe glenn gordon graham grant greg gregory guillermo
gustavo guy hakan hamid hans harold harry hassan hector heinz helmut henry herbert howard hugh hugo hussein
ian ibrahim igor ilham imran ivan jack jacob jake james jamie jared jason javier jean-claude jean-luc
jean-yves jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joachim joe joel johan johannes john johnny
jon jonathan jorge jose josef joseph josh joshua juan julian justin kamal karl keir keith ken kenneth kevin
khalid kim_ kiril klaus konstantin kurt kyle lars larry lawrence leo leon leonard leonid lindsey_ lloyd lorenzo
louis luis luke malcolm manuel marc marco marcus mario mark marko martin marvin mateusz matt matteo matthew
maurice max maxim mehmet mevlut michael michel miguel mike mikhail milan mitch mitt mohamed mohammad mohammed
muhammad murat nabil narendra nathan neil nelson nicholas nick nicolas nigel nikita nikolai noah norman olaf
oleg oleksandr oleksii oliver omar oscar otto owen pablo pat patrick paul pavel pedro pekka pete peter petr
petro philip philippe phillip pierre rafael ralph ramzan randy raphael ray raymond recep reinhold reza richard
rick rishi rob robert roberto rodrigo roger roland roman ron ronald ross rudolf rudy rupert russell ruslan
ryan saeed salman sam samuel saul scott sean sebastian serge sergei sergey sergio seth shane shinzo simon
stanley stefan stephen steve steven stuart sven taras ted terence terry theo thierry thomas tim timothy tobias
todd tom tommy tony travis trevor ulf valdis valery vasily victor viktor vince vincent vitali vitaly vladimir
vladislav volodymyr walter warren wayne wesley will william willie wolfgang xavier yakov yevgeny yuri yves
zbigniew
"""

FIRST_NAME_GENDER: dict[str, str] = {
    **{n: "f" for n in _FEMALE.split() if not n.endswith("_")},
    **{n: "m" for n in _MALE.split() if not n.endswith("_")},
}

# Lowercase words that belong inside a person's name ("Ursula von der Leyen", "Osama bin Laden"):
# any other lowercase word makes a speaker name a phrase ("Double standards' Russia"), not a name.
NAME_PARTICLES = frozenset("al bin binti da de del della der di dos du el ibn la le van von y".split())
