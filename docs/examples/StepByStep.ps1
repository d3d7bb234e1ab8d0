<#
.SYNOPSIS
    One training step of the classic 2-2-2 sigmoid network, printed as the seed walk-through prints it.

.DESCRIPTION
    Every number below comes out of the BackpropPS cmdlets: a forward pass, the gradient of the
    half squared error, and one gradient-descent step with learning rate 0.5. Read it, then paste
    it line by line at the prompt and look at each object on the way.
#>
# The module built beside this script (out/BackpropPS, after build.ps1 Build), or else the installed one.
$built = Join-Path $PSScriptRoot '../../out/BackpropPS'
Import-Module $(if (Test-Path -LiteralPath $built) { $built } else { 'BackpropPS' }) -ErrorAction Stop

$net  = New-BackpropNetwork -Example StepByStep              # w1_11 = 0.15 ... b2 = 0.60
$fwd  = $net | Invoke-BackpropForward -Input 0.05, 0.10       # z and a of every layer
$grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99        # loss, deltas, gradients
$next = $grad | Update-BackpropNetwork -LearningRate 0.5      # a new network; $net is unchanged

function Format-Number([double] $Value) { $Value.ToString('F12', [cultureinfo]::InvariantCulture) }

'=== Forward ==='
"yhat1=$(Format-Number $fwd.Output[0]), yhat2=$(Format-Number $fwd.Output[1])"
"Total loss E=$(Format-Number $grad.Loss)"
''
'=== Backward (key deltas) ==='
# Delta[1] belongs to the output layer (o), Delta[0] to the hidden layer (h).
"delta_o1=$(Format-Number $grad.Delta[1][0]), delta_o2=$(Format-Number $grad.Delta[1][1])"
"delta_h1=$(Format-Number $grad.Delta[0][0]), delta_h2=$(Format-Number $grad.Delta[0][1])"
''
'=== Updated params ==='
# One row per parameter, in the same order for both networks: old -> new.
$old = @($net | Get-BackpropParameter)
$new = @($next | Get-BackpropParameter)
for ($i = 0; $i -lt $old.Count; $i++) {
    "$($old[$i].Name): $(Format-Number $old[$i].Value) -> $(Format-Number $new[$i].Value)"
}
