#!/usr/bin/env bash
# Checks, before `cdk deploy`, what would make the first deploy of the synthesized stack fail in this account and
# region, and says how to fix it. Reads the template `cdk synth` wrote (run it first, with the same -c options as the
# deploy), so it checks exactly what will be deployed. Needs the AWS CLI with credentials, and node (the CDK needs it
# anyway). Usage: scripts/deploy-check.sh [template] (default cdk.out/MoodtunesStack.template.json). Exits 1 if a
# check fails.
set -uo pipefail

template=${1:-$(dirname "$0")/../cdk.out/MoodtunesStack.template.json}
failed=0
ok() { echo "OK    $*"; }
note() { echo "NOTE  $*"; }
fail() { echo "FAIL  $*"; failed=1; }

if [ ! -f "$template" ]; then
  echo "FAIL  $template does not exist: run 'cdk synth' first, with the -c options you deploy with." >&2
  exit 1
fi

# What the template asks for: the reserved concurrency in total, the Web Adapter layers (Fn::Sub with
# ${AWS::Region}), and whether it makes a CloudFront web ACL (which only us-east-1 can).
facts=$(node -e '
  const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const functions = Object.values(t.Resources).filter((r) => r.Type === "AWS::Lambda::Function");
  const reserved = functions.reduce((sum, f) => sum + (f.Properties.ReservedConcurrentExecutions || 0), 0);
  const layers = new Set(functions.flatMap((f) => (f.Properties.Layers || []).map((l) => l["Fn::Sub"]).filter(Boolean)));
  const waf = Boolean(t.Rules && t.Rules.WebAclNeedsUsEast1);
  console.log(`reserved=${reserved}`);
  console.log(`waf=${waf}`);
  for (const layer of layers) console.log(`layer=${layer}`);
' "$template") || { echo "FAIL  could not read $template" >&2; exit 1; }
reserved=$(sed -n 's/^reserved=//p' <<<"$facts")
waf=$(sed -n 's/^waf=//p' <<<"$facts")
mapfile -t layers < <(sed -n 's/^layer=//p' <<<"$facts")

if ! identity=$(aws sts get-caller-identity --query Account --output text 2>&1); then
  echo "FAIL  no usable AWS credentials: $identity" >&2
  echo "      Set them up (aws configure, aws sso login, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)." >&2
  exit 1
fi
region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null)}}
if [ -z "$region" ]; then
  echo "FAIL  no region: set AWS_REGION (or a region in your profile)." >&2
  exit 1
fi
echo "Account $identity, region $region, template $template"

# Lambda keeps 100 of the account's concurrency unreserved (Lambda guide, "Configuring reserved concurrency"), so a
# reservation that leaves less fails the function's creation and rolls the whole stack back.
if settings=$(aws lambda get-account-settings --region "$region" \
    --query '[AccountLimit.ConcurrentExecutions, AccountLimit.UnreservedConcurrentExecutions]' --output text 2>&1); then
  read -r limit unreserved <<<"$settings"
  if [ "$reserved" -gt 0 ]; then
    if [ $((unreserved - reserved)) -ge 100 ]; then
      ok "reserved concurrency $reserved fits: the account has $unreserved unreserved of $limit, and 100 must stay unreserved."
    else
      fail "the stack reserves $reserved concurrent executions (-c analyzeConcurrency), but the account has $unreserved unreserved of $limit and Lambda keeps 100 unreserved: the deploy would roll back."
      echo "      Fix: deploy without -c analyzeConcurrency (nothing is reserved by default), or ask for a higher"
      echo "      'Concurrent executions' quota (Service Quotas console, AWS Lambda) and wait until"
      echo "      'aws lambda get-account-settings' shows at least $((reserved + 100)) unreserved."
    fi
  else
    ok "nothing reserved; the account's concurrency limit is $limit."
    if [ "$limit" -lt 100 ]; then
      note "a limit of $limit is what new accounts often start with: the analyzer and the API share it, so a burst of"
      note "uploads can throttle the API. Ask for more in Service Quotas (AWS Lambda, 'Concurrent executions') if it matters."
    fi
  fi
else
  fail "could not read the account's Lambda settings: $settings"
fi

for layer in "${layers[@]}"; do
  arn=${layer//\$\{AWS::Region\}/$region}
  if error=$(aws lambda get-layer-version-by-arn --arn "$arn" --region "$region" --query LayerVersionArn --output text 2>&1); then
    ok "the Web Adapter layer exists here: $arn"
  else
    fail "the Web Adapter layer $arn cannot be read in $region: $error"
    echo "      Fix: pick a version the adapter publishes here (docs/deploy.md links its table) and pass"
    echo "      -c adapterLayerVersion=<n> to cdk synth and cdk deploy, then run this check again."
  fi
done

if [ "$waf" = true ] && [ "$region" != us-east-1 ]; then
  fail "-c wafRateLimit makes a CloudFront web ACL, which only us-east-1 can hold; this is $region."
  echo "      Fix: deploy in us-east-1 (AWS_REGION=us-east-1), or make the web ACL there and pass -c webAclArn=<arn>."
fi

if aws cloudformation describe-stacks --stack-name CDKToolkit --region "$region" --query 'Stacks[0].StackStatus' --output text >/dev/null 2>&1; then
  ok "the CDK bootstrap stack (CDKToolkit) is here."
else
  fail "no CDK bootstrap stack (CDKToolkit) in $region. Fix: cdk bootstrap"
fi

if [ "$failed" -ne 0 ]; then
  echo "Fix the FAIL lines above before cdk deploy."
  exit 1
fi
echo "Nothing found that would stop the deploy."
